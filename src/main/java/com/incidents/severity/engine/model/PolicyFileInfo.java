package com.incidents.severity.engine.model;

/** One file of a policy: its path in the rules folder, size in bytes and SHA-256 (hex). */
public record PolicyFileInfo(String path, long size, String sha256) {
}
