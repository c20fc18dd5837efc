package com.incidents.severity.incident.model;

/** What made the engine decide an incident again. */
public enum Trigger {
    /** A caller created or changed its facts. */
    FACTS,
    /** An instant came: the next escalation or a response target's due time. */
    TIME,
    /** A new policy version came into force. */
    POLICY,
    /** It ended: the last decision, on its final duration. */
    RESOLVE,
    /** A person set its severity by hand, or lifted that override. */
    OVERRIDE
}
