/**
 * The Temporal server of the embedded default, chosen before the context starts: the
 * Temporal CLI's dev server, found and launched here, or the SDK's in-process server.
 */
package com.acme.booking.laptop.temporal;
