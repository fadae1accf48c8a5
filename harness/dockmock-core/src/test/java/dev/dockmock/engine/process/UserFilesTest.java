package dev.dockmock.engine.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link UserFiles} is a decorator: it must not fall back to {@link ProcessFiles}'s empty defaults. */
class UserFilesTest {

    @Test
    void everyMethodOfProcessFilesIsHandedOnOrChecked() throws Exception {
        List<String> missing = Arrays.stream(ProcessFiles.class.getMethods())
                .filter(method -> !Modifier.isStatic(method.getModifiers()))
                .filter(method -> !declaredBy(method))
                .map(Method::getName)
                .toList();
        assertThat(missing).as("ProcessFiles methods UserFiles leaves to the interface's defaults").isEmpty();
    }

    private static boolean declaredBy(Method method) {
        try {
            return UserFiles.class.getDeclaredMethod(method.getName(), method.getParameterTypes()) != null;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
