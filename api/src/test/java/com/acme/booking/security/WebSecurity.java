package com.acme.booking.security;

import com.acme.booking.config.EmbeddedProperties;
import com.acme.booking.token.ManageLinks;
import com.acme.booking.token.ManageTokens;
import com.acme.booking.token.PublicUrlProperties;
import com.acme.booking.token.TokenProperties;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The service's security layer in a web slice test: the same rules, authentication
 * filters, refusals and headers as the running service.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({ SecurityConfiguration.class, AdminKey.class, ManagementPort.class, ManageTokens.class, ManageLinks.class })
@EnableConfigurationProperties({ PublicUrlProperties.class, TokenProperties.class, EmbeddedProperties.class })
public class WebSecurity {

}
