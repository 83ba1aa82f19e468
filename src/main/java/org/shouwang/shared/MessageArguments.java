package org.shouwang.shared;

/** Arguments of a translated message as pages write them. */
public final class MessageArguments {

    private MessageArguments() {
    }

    /** Numbers as written — 100000, not 100,000 as the message format would group them. */
    public static Object[] plain(Object[] args) {
        Object[] words = args == null ? new Object[0] : args.clone();
        for (int i = 0; i < words.length; i++) {
            if (words[i] instanceof Number n) {
                words[i] = n.toString();
            }
        }
        return words;
    }
}
