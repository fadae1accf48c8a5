package dev.dockmock.junit;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** Sets fields of type {@link DockMock}: static ones for a shared server, instance ones for each test. */
final class FieldInjector {

    private FieldInjector() {
    }

    static void injectStatic(Class<?> testClass, DockMock dockmock) {
        for (Class<?> c = testClass; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (field.getType() == DockMock.class && Modifier.isStatic(field.getModifiers())) {
                    set(field, null, dockmock);
                }
            }
        }
    }

    static void injectInstance(Object instance, DockMock dockmock) {
        for (Class<?> c = instance.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (field.getType() == DockMock.class && !Modifier.isStatic(field.getModifiers())) {
                    set(field, instance, dockmock);
                }
            }
        }
    }

    private static void set(Field field, Object target, DockMock dockmock) {
        if (Modifier.isFinal(field.getModifiers())) {
            throw new ExtensionConfigurationException("dockmock cannot set the final field " + field
                    + ": make it non-final, or take DockMock as a parameter");
        }
        try {
            field.setAccessible(true);
            field.set(target, dockmock);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new ExtensionConfigurationException("dockmock cannot set the field " + field + ": " + e.getMessage(), e);
        }
    }
}
