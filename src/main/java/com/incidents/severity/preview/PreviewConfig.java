package com.incidents.severity.preview;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What-if previews of candidate policies. */
@ConfigMapping(prefix = "severity.preview")
public interface PreviewConfig {

    /** How many of the most recent recorded decisions a preview replays. */
    @WithDefault("1000")
    int decisions();

    /**
     * How long a preview may take, checks and replay together; past it the candidate is refused
     * (422) and its check is given up.
     */
    @WithDefault("60s")
    java.time.Duration timeLimit();

    /** How many changed decisions a preview lists as examples. */
    @WithDefault("20")
    int examples();
}
