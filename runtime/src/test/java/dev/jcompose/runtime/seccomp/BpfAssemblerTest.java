package dev.jcompose.runtime.seccomp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.runtime.seccomp.BpfAssembler.Label;
import org.junit.jupiter.api.Test;

class BpfAssemblerTest {

  @Test
  void conditionalJumpBeyond255_goesThroughATrampoline() {
    BpfAssembler asm = new BpfAssembler();
    Label far = asm.label();
    Label near = asm.label();
    asm.load(0);
    asm.jeq(7, far, near);
    asm.bind(near);
    for (int i = 0; i < 300; i++) {
      asm.ret(1000 + i);
    }
    asm.bind(far);
    asm.ret(42);
    BpfInterpreter prog = new BpfInterpreter(asm.assemble());

    assertThat(prog.instructions()).isEqualTo(304);
    assertThat(prog.run(0, 7)).isEqualTo(42);
    assertThat(prog.run(0, 8)).isEqualTo(1000);
  }

  @Test
  void moreThanTheKernelLimit_isRefused() {
    BpfAssembler asm = new BpfAssembler();
    for (int i = 0; i <= BpfAssembler.MAX_INSNS; i++) {
      asm.ret(0);
    }
    assertThatThrownBy(asm::assemble)
        .isInstanceOf(ProfileException.class)
        .hasMessageContaining("4096");
  }
}
