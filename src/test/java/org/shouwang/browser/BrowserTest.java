package org.shouwang.browser;

import org.shouwang.IntegrationTest;

/** Browser tests against the shared test context (the small demo campus). */
@IntegrationTest
abstract class BrowserTest extends Browser {
}
