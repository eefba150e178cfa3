package org.mudbackbone.gateway.limit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mudbackbone.gateway.limit.InputBudget.Verdict;

class InputBudgetTest {

    private static final long SECOND = 1_000_000_000L;
    private final LimitsConfig limits = new LimitsConfig(0, 32, 4, 20, 60, 10, 40, 1 << 20, 120, 4);

    @Test
    void aBurstPassesThenTheFirstRefusalWarnsAndAWholeBurstMoreDisconnects() {
        InputBudget budget = new InputBudget(limits, 0);
        for (int i = 0; i < 60; i++) {
            assertEquals(Verdict.PASS, budget.line(0), "line " + i + " of the burst");
        }
        assertEquals(Verdict.WARN, budget.line(0));
        for (int i = 0; i < 59; i++) {
            assertEquals(Verdict.REFUSE, budget.line(0), "refusal " + i);
        }
        assertEquals(Verdict.DISCONNECT, budget.line(0), "the 61st refusal in a row");
    }

    @Test
    void typingAtTheRateForeverIsNeverRefused() {
        InputBudget budget = new InputBudget(limits, 0);
        for (long t = 0; t < 600 * SECOND; t += SECOND / 20) {
            assertEquals(Verdict.PASS, budget.line(t), "at " + t / SECOND + " s");
        }
    }

    @Test
    void aLineThatPassesEndsTheRunOfRefusals() {
        InputBudget budget = new InputBudget(limits, 0);
        for (int i = 0; i < 60; i++) {
            budget.line(0);
        }
        assertEquals(Verdict.WARN, budget.line(0));
        assertEquals(Verdict.PASS, budget.line(SECOND / 20), "a token came back");
        assertEquals(Verdict.WARN, budget.line(SECOND / 20), "a new run of refusals warns again");
    }

    @Test
    void optionUpdatesAndOutOfBandMessagesShareTheirOwnAllowance() {
        InputBudget budget = new InputBudget(limits, 0);
        for (int i = 0; i < 40; i++) {
            assertTrue(budget.clientInfo(0));
        }
        assertFalse(budget.clientInfo(0), "the 41st update at once waits");
        assertEquals(Verdict.WARN, budget.oob(0));
        assertEquals(Verdict.PASS, budget.line(0), "typed lines have an allowance of their own");
    }
}
