package org.shouwang.studios;

import java.util.List;

/** What the studio pages and API show. */
public final class StudioViews {

    private StudioViews() {
    }

    /** A line of the public studio directory. */
    public record Summary(long id, String name, StudioType type, Long buildingId, String buildingName, String venue,
                          String leaderName, String partner, String services, String openingHours) {
    }

    public record Member(long accountId, String name, boolean leader) {
    }

    public record Studio(long id, int version, String name, StudioType type, Long buildingId, String buildingName,
                         String venue, long leaderAccountId, String leaderName, String partner, String services,
                         String openingHours, String description, boolean active, List<Member> members) {

        public boolean confidential() {
            return type.confidential();
        }
    }
}
