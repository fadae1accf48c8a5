package dev.dockmock.scenario.report;

import dev.dockmock.scenario.result.Failure;
import dev.dockmock.scenario.result.Outcome;
import dev.dockmock.scenario.result.RunResult;
import dev.dockmock.scenario.result.ScenarioResult;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The run as JUnit XML in the form Maven Surefire writes ({@code surefire-test-report.xsd}), which
 * Jenkins, GitLab and the GitHub test-report actions all read: one {@code testsuite} for the whole
 * run, one {@code testcase} per scenario with {@code classname} = its file and {@code name} = its
 * name. The schema has no timestamp attribute, so the run's start is the {@code timestamp}
 * property and each scenario's start the first line of its {@code system-out}.
 */
public final class JunitXmlReport {
    /** The file name in the report directory. */
    public static final String FILE = "junit.xml";
    /** Where Surefire publishes the schema this report follows. */
    public static final String SCHEMA_LOCATION =
            "https://maven.apache.org/surefire/maven-surefire-plugin/xsd/surefire-test-report.xsd";
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    private JunitXmlReport() {
    }

    /** Writes the report to {@code file} (UTF-8). */
    public static void write(RunResult run, Path file) throws IOException {
        Files.writeString(file, render(run), StandardCharsets.UTF_8);
    }

    /** The report as a string. */
    public static String render(RunResult run) {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuite");
            xml.writeNamespace("xsi", XSI);
            xml.writeAttribute("xsi", XSI, "noNamespaceSchemaLocation", SCHEMA_LOCATION);
            xml.writeAttribute("version", "3.0.2");
            attribute(xml, "name", run.suite());
            xml.writeAttribute("time", ReportText.seconds(run.duration()));
            xml.writeAttribute("tests", String.valueOf(run.scenarios().size()));
            xml.writeAttribute("errors", String.valueOf(run.count(Outcome.ERROR)));
            xml.writeAttribute("skipped", String.valueOf(run.count(Outcome.SKIPPED)));
            xml.writeAttribute("failures", String.valueOf(run.count(Outcome.FAILED)));
            xml.writeCharacters("\n  ");
            xml.writeStartElement("properties");
            property(xml, "timestamp", String.valueOf(run.started()));
            property(xml, "dockmock.report", "dockmock run");
            xml.writeCharacters("\n  ");
            xml.writeEndElement();
            for (ScenarioResult scenario : run.scenarios()) {
                testcase(xml, scenario);
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write JUnit XML: " + e.getMessage(), e);
        }
        return text.toString();
    }

    private static void testcase(XMLStreamWriter xml, ScenarioResult scenario) throws XMLStreamException {
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testcase");
        attribute(xml, "name", scenario.name());
        attribute(xml, "classname", scenario.file());
        xml.writeAttribute("time", ReportText.seconds(scenario.duration()));
        List<Failure> failures = scenario.allFailures();
        switch (scenario.outcome()) {
            case FAILED -> problem(xml, "failure", "dockmock.ExpectationFailed", failures);
            case ERROR -> problem(xml, "error", "dockmock.ScenarioError", failures);
            case SKIPPED -> {
                xml.writeCharacters("\n    ");
                xml.writeEmptyElement("skipped");
                if (!failures.isEmpty()) {
                    attribute(xml, "message", FailureText.headline(failures));
                }
            }
            case PASSED -> { }
        }
        StringBuilder out = new StringBuilder("scenario '").append(scenario.name()).append("' started ")
                .append(scenario.started()).append('\n');
        StringBuilder err = new StringBuilder();
        for (int i = 0; i < scenario.steps().size(); i++) {
            FailureText.output(scenario.steps().get(i), String.valueOf(i + 1), false, out);
            FailureText.output(scenario.steps().get(i), String.valueOf(i + 1), true, err);
        }
        element(xml, "system-out", out.toString());
        if (!err.isEmpty()) {
            element(xml, "system-err", err.toString());
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
    }

    private static void problem(XMLStreamWriter xml, String element, String type, List<Failure> failures)
            throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeStartElement(element);
        attribute(xml, "message", failures.isEmpty() ? "scenario " + element : FailureText.headline(failures));
        xml.writeAttribute("type", type);
        xml.writeCharacters(ReportText.printable(FailureText.all(failures)));
        xml.writeEndElement();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeStartElement(name);
        xml.writeCharacters(ReportText.printable(text));
        xml.writeEndElement();
    }

    private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeEmptyElement("property");
        attribute(xml, "name", name);
        attribute(xml, "value", value);
    }

    private static void attribute(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeAttribute(name, ReportText.printable(value));
    }
}
