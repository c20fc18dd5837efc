-- Webhooks (issue 20, "Telling subscribers"): subscriptions to the incidents' events, one delivery
-- per matching event of the outbox (incident_event) and every attempt to send it.
-- Both H2 and PostgreSQL read this syntax.

-- A subscriber's URL, the event types it wants and the secret its deliveries are signed with (kept
-- as given: the service must be able to sign with it; it is never answered nor logged). cursor is
-- the seq of the last outbox event fanned out to it: it starts at the outbox's last seq when the
-- subscription is made, so a subscriber gets the events after that, and it moves in the transaction
-- that inserts the deliveries, so each event becomes a delivery once.
CREATE TABLE subscription (
    id         VARCHAR(36)    PRIMARY KEY,
    owner      VARCHAR(200)   NOT NULL,   -- the authenticated decision-client that made it
    url        VARCHAR(2000)  NOT NULL,
    events     VARCHAR(2000)  NOT NULL,   -- event types, comma-separated
    secret     VARCHAR(200)   NOT NULL,
    cursor     BIGINT         NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    active     BOOLEAN        NOT NULL    -- false once deleted: nothing more is fanned out or sent
);
CREATE INDEX subscription_owner ON subscription (owner, created_at);

-- One event to send to one subscriber. PENDING until a 2xx answer (DELIVERED) or until its last
-- attempt failed (FAILED). Claimed for sending with a lease (claimed_until) under FOR UPDATE SKIP
-- LOCKED on PostgreSQL; a delivery is claimed only when no earlier one (lower event_seq) of the same
-- subscription and incident is PENDING, so each incident's events reach a subscriber in order.
CREATE TABLE webhook_delivery (
    id              VARCHAR(36)   PRIMARY KEY,
    subscription_id VARCHAR(36)   NOT NULL REFERENCES subscription (id),
    event_seq       BIGINT        NOT NULL REFERENCES incident_event (seq),
    event_id        VARCHAR(36)   NOT NULL,
    event_type      VARCHAR(200)  NOT NULL,
    incident_key    VARCHAR(200)  NOT NULL,
    state           VARCHAR(16)   NOT NULL,   -- PENDING, DELIVERED, FAILED
    attempts        INT           NOT NULL,   -- attempts since it was (re)queued
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    claimed_until   TIMESTAMP WITH TIME ZONE,
    delivered_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT webhook_delivery_once UNIQUE (subscription_id, event_seq)
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (state, next_attempt_at);
CREATE INDEX webhook_delivery_order ON webhook_delivery (subscription_id, incident_key, event_seq);

-- Each attempt to send a delivery: n is 1, 2, ... per delivery (across redeliveries); status is the
-- HTTP status answered, or null with error saying why there was none (refused address, timeout...).
CREATE TABLE webhook_attempt (
    delivery_id VARCHAR(36)   NOT NULL REFERENCES webhook_delivery (id),
    n           INT           NOT NULL,
    at          TIMESTAMP WITH TIME ZONE NOT NULL,
    status      INT,
    error       VARCHAR(1000),
    millis      BIGINT        NOT NULL,
    PRIMARY KEY (delivery_id, n)
);
