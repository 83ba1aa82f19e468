package org.shouwang.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/** Every string exists in Chinese and in English, and every key a template names exists. */
class MessageBundleTests {

    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([A-Za-z][A-Za-z0-9_.]*)[}(]");

    @Test
    void everyBundleHasTheSameKeysInBothLanguages() throws IOException {
        Resource[] english = new PathMatchingResourcePatternResolver().getResources("classpath:messages/*.properties");
        assertThat(english).isNotEmpty();
        for (Resource resource : english) {
            String name = resource.getFilename();
            if (name == null || name.contains("_")) {
                continue;
            }
            Set<String> en = load("messages/" + name).stringPropertyNames();
            Set<String> zh = load("messages/" + name.replace(".properties", "_zh.properties")).stringPropertyNames();
            assertThat(new TreeSet<>(zh)).as("keys of %s in Chinese", name).isEqualTo(new TreeSet<>(en));
        }
    }

    @Test
    void everyMessageKeyUsedInATemplateExists() throws IOException {
        Set<String> keys = new HashSet<>();
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath:messages/*_zh.properties")) {
            keys.addAll(load("messages/" + resource.getFilename()).stringPropertyNames());
        }
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path template : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher m = TEMPLATE_KEY.matcher(Files.readString(template));
                while (m.find()) {
                    if (!keys.contains(m.group(1))) {
                        missing.add(m.group(1) + " in " + template.getFileName());
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    private static Properties load(String path) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessageBundleTests.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
