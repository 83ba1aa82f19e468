package org.shouwang.governance;

import java.util.List;

/** A body as an administrator types it: chairs and members by account username (chairs are members too). */
public record GoverningBodyDraft(String name, GoverningBodyKind kind, String description, List<String> chairUsernames,
                                 List<String> memberUsernames) {
}
