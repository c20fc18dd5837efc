package com.incidents.severity.incident.service;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Produces;

import io.quarkus.arc.DefaultBean;

/** The time incidents are decided at: the system's, unless a profile provides another clock (tests move it by hand). */
@ApplicationScoped
public class IncidentClock {

    @Produces
    @DefaultBean
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
