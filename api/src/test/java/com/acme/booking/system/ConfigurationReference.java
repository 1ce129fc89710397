package com.acme.booking.system;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Renders {@code docs/configuration.md}: every {@code booking.*} property from the
 * configuration metadata that each module's build writes from the Javadoc of its
 * {@code @ConfigurationProperties} records, inside the hand-written frame of
 * {@code configuration-reference.md} (how a property is set, and the Spring and Temporal
 * settings the service documents).
 */
final class ConfigurationReference {

	static final Path FILE = Path.of("..", "docs", "configuration.md").toAbsolutePath().normalize();

	static final String WRITE_PROPERTY = "configuration-reference.write";

	static final String REGENERATE = "./mvnw -B -pl api -am test -Dtest=ConfigurationReferenceTest "
			+ "-Dsurefire.failIfNoSpecifiedTests=false -D" + WRITE_PROPERTY + "=true";

	private static final String FRAME = "/configuration-reference.md";

	private static final String PROPERTIES_PLACEHOLDER = "{{booking-properties}}";

	private static final String COMMAND_PLACEHOLDER = "{{regenerate}}";

	private static final Pattern QUALIFIED_NAME = Pattern.compile("(?:[a-z_][\\w]*\\.)+(?:[\\w]+\\$)*([A-Z][\\w]*)");

	private static final Map<String, String> PRIMITIVES = Map.of("Boolean", "boolean", "Integer", "int", "Long", "long",
			"Double", "double", "Float", "float");

	private ConfigurationReference() {
	}

	/** The {@code booking.*} properties of every module on the classpath, by name. */
	static List<Property> bookingProperties() throws IOException {
		JsonMapper json = JsonMapper.builder().build();
		Map<String, Property> byName = new TreeMap<>();
		for (Resource metadata : new PathMatchingResourcePatternResolver()
			.getResources("classpath*:META-INF/spring-configuration-metadata.json")) {
			try (InputStream in = metadata.getInputStream()) {
				for (Property property : json.readValue(in, Metadata.class).properties()) {
					if (property.name().startsWith("booking.")) {
						byName.put(property.name(), property);
					}
				}
			}
		}
		return List.copyOf(byName.values());
	}

	static String render() throws IOException {
		String frame;
		try (InputStream in = ConfigurationReference.class.getResourceAsStream(FRAME)) {
			frame = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		return frame.replace(COMMAND_PLACEHOLDER, REGENERATE)
			.replace(PROPERTIES_PLACEHOLDER, table(bookingProperties()));
	}

	/** One table, by name, so that a record's properties stand together. */
	private static String table(List<Property> properties) {
		StringBuilder out = new StringBuilder(
				"| property | type | default | description |\n| --- | --- | --- | --- |\n");
		for (Property property : properties) {
			String shown = shownDefault(property);
			out.append("| `")
				.append(property.name())
				.append("` | ")
				.append(type(property.type()))
				.append(shown.isEmpty() ? " | | " : " | `" + shown + "` | ")
				.append(description(property.description()))
				.append(" |\n");
		}
		return out.toString().stripTrailing();
	}

	private static String type(String type) {
		Matcher names = QUALIFIED_NAME.matcher(type.replace(",", ", "));
		StringBuilder out = new StringBuilder();
		while (names.find()) {
			names.appendReplacement(out, PRIMITIVES.getOrDefault(names.group(1), names.group(1)));
		}
		names.appendTail(out);
		return "`" + out + "`";
	}

	/** The default as one would write it in configuration; empty when there is none. */
	static String shownDefault(Property property) {
		Object value = property.defaultValue();
		if (value == null) {
			return "";
		}
		String shown;
		if (value instanceof Number number && property.type().matches("java\\.lang\\.(Double|Float)")) {
			shown = String.valueOf(number.doubleValue());
		}
		else if (value instanceof List<?> list) {
			shown = list.stream().map(String::valueOf).collect(Collectors.joining(","));
		}
		else if (value instanceof String text && property.type().startsWith("java.util.List") && text.startsWith("[")
				&& text.endsWith("]")) {
			shown = text.substring(1, text.length() - 1).replace(", ", ",");
		}
		else {
			shown = String.valueOf(value);
		}
		return shown;
	}

	/**
	 * The Javadoc text as Markdown: {@code {@code x}} as a code span, {@code {@link X}}
	 * as its name, one line, first letter capitalised, safe inside a table cell.
	 */
	static String description(String javadoc) {
		if (javadoc == null || javadoc.isBlank()) {
			return "";
		}
		StringBuilder out = new StringBuilder();
		String text = javadoc.strip().replaceAll("\\s+", " ");
		int at = 0;
		while (at < text.length()) {
			int tag = text.indexOf("{@", at);
			if (tag < 0) {
				out.append(prose(text.substring(at)));
				break;
			}
			out.append(prose(text.substring(at, tag)));
			int end = closingBrace(text, tag);
			String inner = text.substring(tag + 2, end);
			String kind = inner.replaceFirst("\\s.*", "");
			String body = inner.substring(kind.length()).strip();
			out.append("code".equals(kind) ? "`" + body.replace("|", "\\|") + "`" : prose(body));
			at = end + 1;
		}
		String markdown = out.toString();
		return Character.toUpperCase(markdown.charAt(0)) + markdown.substring(1);
	}

	private static int closingBrace(String text, int open) {
		int depth = 0;
		for (int i = open; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '{') {
				depth++;
			}
			else if (c == '}' && --depth == 0) {
				return i;
			}
		}
		throw new IllegalArgumentException("Unbalanced Javadoc tag in: " + text);
	}

	private static String prose(String text) {
		return text.replace("|", "\\|").replace("<", "&lt;");
	}

	public static void main(String[] args) throws IOException {
		Files.writeString(FILE, render());
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Metadata(List<Property> properties) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Property(String name, String type, String description, String sourceType, Object defaultValue) {
	}

}
