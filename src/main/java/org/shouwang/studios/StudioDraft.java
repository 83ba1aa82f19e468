package org.shouwang.studios;

/**
 * What an administrator says about a studio. The leader is named by account username; members
 * are added separately.
 */
public record StudioDraft(String name, StudioType type, Long buildingId, String venue, String leaderUsername,
                          String partner, String services, String openingHours, String description) {
}
