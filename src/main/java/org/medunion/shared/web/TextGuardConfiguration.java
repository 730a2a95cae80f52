package org.medunion.shared.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.module.SimpleModule;

/**
 * Puts the text guard in front of every JSON body ({@link GuardedTextDeserializer}, registered with the
 * application's JSON mapper by Spring Boot) and every form ({@link FormTextGuard}). One cap for all text,
 * {@code medunion.input.max-text-length} (default 10,000 characters); modules cap their fields lower.
 */
@Configuration(proxyBeanMethods = false)
class TextGuardConfiguration implements WebMvcConfigurer {

    private final int maxLength;

    TextGuardConfiguration(@Value("${medunion.input.max-text-length:10000}") int maxLength) {
        this.maxLength = maxLength;
    }

    @Bean
    JacksonModule guardedTextModule() {
        return new SimpleModule("medunion-guarded-text").addDeserializer(String.class, new GuardedTextDeserializer(maxLength));
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new FormTextGuard(maxLength));
    }
}
