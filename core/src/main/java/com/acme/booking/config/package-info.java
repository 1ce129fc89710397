/** Validation shared by the configuration properties of every module. */
package com.acme.booking.config;
