package com.incidents.severity.policy.service;

/**
 * What a publish came to: put in force, refused by the reload's checks, or not tried because the
 * version in force is no longer the one the files were made on ({@code STALE}).
 *
 * @param check the reload's checks of the files (null when stale)
 * @param versionInForce the version serving afterwards
 * @param folderProblem why the rules folder was not written (null when it was); the version is in force either way
 */
public record Publication(Outcome outcome, PolicyCheck check, String versionInForce, String folderProblem) {

    public enum Outcome { IN_FORCE, REFUSED, STALE }
}
