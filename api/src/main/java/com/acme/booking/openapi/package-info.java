/**
 * The API description: the OpenAPI document's errors, links and request examples, and
 * where Swagger UI is served.
 */
package com.acme.booking.openapi;
