package com.incidents.severity.draft.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.incidents.severity.incident.model.IncidentImpact;
import com.incidents.severity.policy.service.TableDiff;
import com.incidents.severity.preview.model.PreviewReport;

/**
 * A draft with what the service thinks of it: its diff against its base by table and row (only the
 * tables it changes; the console's version diff), its validation report (what a reload would say),
 * and its replay impact (a preview's; null with {@code impactUnavailable} saying why when the draft
 * would be refused or no policy is in force; no diff when it does not build), and what it would do
 * to the open incidents now ({@code openIncidents}: which would change severity or next escalation,
 * absent where the impact is). {@code exports} are the
 * zip and patch of its changes, for a team that commits {@code rules/} to git (where a publish does
 * not write the rules folder, they are how the change gets there).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DraftView(DraftSummary draft, String candidateVersion, String versionInForce, boolean baseInForce,
        List<TableDiff.TableChanges> diff, ValidationReport validation, PreviewReport impact, String impactUnavailable,
        IncidentImpact openIncidents, Exports exports, List<DraftEvent> history) {

    /** Where to fetch the draft's changes for git. */
    public record Exports(String zip, String patch) {
    }
}
