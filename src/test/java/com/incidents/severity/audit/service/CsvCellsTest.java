package com.incidents.severity.audit.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CsvCellsTest {

    @Test
    void eachFormulaLeaderIsNeutralised() {
        for (String cell : new String[] { "=HYPERLINK(\"http://x\",\"y\")", "+1+2", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd", "-x" }) {
            assertEquals("'" + cell, CsvCells.neutralise(cell));
        }
    }

    @Test
    void plainNumbersAndTextStay() {
        for (String cell : new String[] { "-12", "-3.5", "42", "client-a", "", "{\"a\":1}" }) {
            assertEquals(cell, CsvCells.neutralise(cell));
        }
    }
}
