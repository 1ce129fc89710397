/**
 * Who may call what: the admin key and booking token filters, the rule of every path in
 * one Spring Security filter chain, its refusals as problems, and the security headers of
 * every response.
 */
package com.acme.booking.security;
