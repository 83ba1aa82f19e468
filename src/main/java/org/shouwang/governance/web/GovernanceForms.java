package org.shouwang.governance.web;

import java.util.List;
import java.util.stream.Collectors;

import org.shouwang.governance.GovernanceViews;

/** The governance pages' forms, kept as typed so that they can be shown again with each problem beside its field. */
final class GovernanceForms {

    private GovernanceForms() {
    }

    public record BodyForm(String name, String kind, String description, String chairs, String members, String version) {
        static BodyForm empty() {
            return new BodyForm("", "LEADERSHIP_GROUP", "", "", "", "");
        }

        static BodyForm of(GovernanceViews.Body b) {
            return new BodyForm(b.name(), b.kind().name(), b.description(), names(b.chairs()), names(b.members()),
                    String.valueOf(b.version()));
        }

        private static String names(List<GovernanceViews.Person> people) {
            return people.stream().map(GovernanceViews.Person::username).collect(Collectors.joining(" "));
        }
    }

    public record MeetingForm(String bodyId, String kind, String title, String heldAt, String place, String agenda,
                              String attendees) {
        static MeetingForm empty(String bodyId) {
            return new MeetingForm(bodyId == null ? "" : bodyId, "COMMUNITY", "", "", "", "", "");
        }
    }

    public record MinutesForm(String minutes, List<Long> present, String finish, String version) {
    }

    public record DecisionForm(String decision, String departmentId, String deadline) {
        static DecisionForm empty() {
            return new DecisionForm("", "", "");
        }
    }

    public record ProgressForm(String status, String note, String version) {
    }

    public record CloseForm(String note, String version) {
    }
}
