package dev.jcompose.runtime.seccomp;

import java.util.Locale;

/**
 * One comparison of a syscall argument, as libseccomp's {@code scmp_arg_cmp}: unsigned 64-bit
 * {@code args[index] op value}; for MASKED_EQ {@code (args[index] & value) == valueTwo}.
 */
public record ArgCondition(int index, Op op, long value, long valueTwo) {
  /** The comparisons of docker's JSON ({@code SCMP_CMP_*}). */
  public enum Op {
    NE,
    LT,
    LE,
    EQ,
    GE,
    GT,
    MASKED_EQ;

    static Op parseOci(String name) {
      return switch (name.toUpperCase(Locale.ROOT)) {
        case "SCMP_CMP_NE" -> NE;
        case "SCMP_CMP_LT" -> LT;
        case "SCMP_CMP_LE" -> LE;
        case "SCMP_CMP_EQ" -> EQ;
        case "SCMP_CMP_GE" -> GE;
        case "SCMP_CMP_GT" -> GT;
        case "SCMP_CMP_MASKED_EQ" -> MASKED_EQ;
        default -> throw new ProfileException("unknown seccomp comparison \"" + name + "\"");
      };
    }
  }

  public ArgCondition {
    if (index < 0 || index > 5) {
      throw new ProfileException("syscall argument index " + index + " is out of range 0-5");
    }
  }
}
