package org.shouwang.notifications;

/** The inbox rows of a notice are written: its emails may go out. Internal to this module. */
record NoticeStored(String key) {
}
