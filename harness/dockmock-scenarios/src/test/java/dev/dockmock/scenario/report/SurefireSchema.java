package dev.dockmock.scenario.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.xml.sax.SAXException;

/**
 * Maven Surefire's JUnit XML schema, {@code surefire-test-report.xsd}, read from Surefire's source
 * release on Maven Central (a test dependency; its only copy of the schema is among the site
 * resources). The build passes the zip's path as {@code dockmock.surefire.sources}.
 */
final class SurefireSchema {
    static final String VERSION = "3.5.4";
    static final String ENTRY = "surefire-" + VERSION + "/maven-surefire-plugin/src/site/resources/xsd/surefire-test-report.xsd";

    private SurefireSchema() {
    }

    /** Validates a JUnit XML file against the schema, throwing {@link SAXException} on the first violation. */
    static void validate(Path xml) throws IOException, SAXException {
        Validator validator = load().newValidator();
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        validator.validate(new StreamSource(xml.toFile()));
    }

    static Schema load() throws IOException, SAXException {
        try (ZipFile zip = new ZipFile(zip().toFile())) {
            ZipEntry entry = zip.getEntry(ENTRY);
            if (entry == null) {
                throw new IllegalStateException("no " + ENTRY + " in " + zip.getName());
            }
            try (InputStream in = zip.getInputStream(entry)) {
                SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
                factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
                return factory.newSchema(new StreamSource(in, ENTRY));
            }
        }
    }

    private static Path zip() {
        String configured = System.getProperty("dockmock.surefire.sources");
        if (configured != null && !configured.isBlank() && !configured.startsWith("${")) {
            return Path.of(configured);
        }
        Path local = Path.of(System.getProperty("user.home"), ".m2", "repository", "org", "apache", "maven", "surefire",
                "surefire", VERSION, "surefire-" + VERSION + "-source-release.zip");
        if (Files.isRegularFile(local)) {
            return local;
        }
        throw new IllegalStateException("Surefire's source release is missing: run the tests with Maven, which resolves "
                + "org.apache.maven.surefire:surefire:" + VERSION + ":zip:source-release (tried " + local + ")");
    }
}
