package org.shouwang.governance;

/** How a version's text is written: light markdown (headings, lists, bold) or plain text. Either is shown escaped. */
public enum DocumentFormat {
    MARKDOWN,
    PLAIN
}
