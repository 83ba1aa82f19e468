/**
 * Notifications: an inbox per account, filled from the {@link org.shouwang.notifications.Notice}
 * events other modules publish, once per notice key and account, and emailed in each account's
 * language to those who gave an address. Other modules only publish notices; the pages, the API
 * and the unread count in the header live here.
 */
package org.shouwang.notifications;
