package org.shouwang.tickets.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What an administrator says when publishing the draft: why this version, in a sentence. */
record PublicationForm(
        @NotBlank(message = "{responsibilityList.note.required}")
        @Size(max = 500, message = "{responsibilityList.note.size}") String note) {
}
