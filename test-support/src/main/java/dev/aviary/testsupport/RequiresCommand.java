package dev.aviary.testsupport;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test class that runs a command of the machine's (kubectl, git): skipped where it is missing, failed in CI
 * ({@link InstalledTool}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresCommand.Guard.class)
public @interface RequiresCommand {

  /** The command's name on the PATH. */
  String value();

  /** How to get it, told when it is missing. */
  String remedy();

  /** Checks the command once, before any test of the class starts a server it would need. */
  final class Guard implements BeforeAllCallback {
    @Override
    public void beforeAll(ExtensionContext context) {
      RequiresCommand required = context.getRequiredTestClass().getAnnotation(RequiresCommand.class);
      InstalledTool.command(required.value(), required.remedy());
    }
  }
}
