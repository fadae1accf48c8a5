package dev.dockmock.engine.process;

import java.util.List;

/** Formats awk's {@code printf} with the printf applet's conversions. */
interface AwkPrintf {

    /** The first text is the format, the rest its arguments. */
    String format(List<String> texts);
}
