package com.acme.booking.message;

import java.time.Duration;

/**
 * Who claims a message: an attempt of a mail activity.
 *
 * @param owner the activity execution (its workflow run and activity id), the same for
 * all its attempts
 * @param attempt the attempt of that execution
 * @param expiry how long one attempt can run: a claim older than that is no longer worked
 * on
 */
public record MessageClaim(String owner, int attempt, Duration expiry) {

}
