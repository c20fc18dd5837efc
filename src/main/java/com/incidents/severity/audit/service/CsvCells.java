package com.incidents.severity.audit.service;

import java.util.regex.Pattern;

/**
 * A CSV cell made safe to open in a spreadsheet (OWASP CSV injection): a cell starting with
 * {@code = + - @}, a tab or a carriage return is prefixed with a single quote, so that it is read
 * as text and never as a formula; a plain number (such as -12 or 3.5) is left as it is.
 */
public final class CsvCells {

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    private CsvCells() {
    }

    public static String neutralise(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        char first = cell.charAt(0);
        boolean risky = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        return risky && !NUMBER.matcher(cell).matches() ? "'" + cell : cell;
    }
}
