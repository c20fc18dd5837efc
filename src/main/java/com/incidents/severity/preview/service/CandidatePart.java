package com.incidents.severity.preview.service;

/**
 * One file sent for a preview: the path it claims in the rules folder (a form part's name, a zip
 * entry's name), the file name the client gave it (a form part's filename; null in a zip) and its
 * content. The path is the client's word: {@link CandidateParts} checks it before it is used.
 */
public record CandidatePart(String path, String fileName, byte[] content) {
}
