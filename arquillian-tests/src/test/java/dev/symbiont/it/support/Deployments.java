package dev.symbiont.it.support;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.ArchivePaths;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.ByteArrayAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/** What the integration tests deploy: the real EAR the build produced, unchanged, or with a test module added. */
public final class Deployments {

    private static final ArchivePath APPLICATION_XML = ArchivePaths.create("META-INF/application.xml");

    private Deployments() {
    }

    public static EnterpriseArchive runtimeEar() {
        File ear = new File(ItSettings.required("symbiont.it.ear"));
        if (!ear.isFile()) {
            throw new IllegalStateException(ear + " does not exist: build the ear module first (./mvnw verify)");
        }
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, ear);
    }

    /**
     * The runtime's EAR plus a web module of the test's (a benchmark's endpoint, say) at {@code contextRoot}: the
     * module sees the runtime's EJB module and libraries as the runtime's own WAR does.
     */
    public static EnterpriseArchive runtimeEarWith(WebArchive module, String contextRoot) {
        EnterpriseArchive ear = runtimeEar();
        ear.addAsModule(module);
        try (InputStream in = ear.get(APPLICATION_XML).getAsset().openStream()) {
            ear.setApplicationXML(new ByteArrayAsset(withWebModule(in, module.getName(), contextRoot)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ear;
    }

    /** The application.xml with one more web module after the last module (library-directory stays last). */
    private static byte[] withWebModule(InputStream applicationXml, String webUri, String contextRoot)
            throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            Document document = factory.newDocumentBuilder().parse(applicationXml);
            String ns = document.getDocumentElement().getNamespaceURI();
            NodeList modules = document.getElementsByTagNameNS(ns, "module");
            Element web = document.createElementNS(ns, "web");
            web.appendChild(document.createElementNS(ns, "web-uri")).setTextContent(webUri);
            web.appendChild(document.createElementNS(ns, "context-root")).setTextContent(contextRoot);
            Element module = document.createElementNS(ns, "module");
            module.appendChild(web);
            document.getDocumentElement().insertBefore(module, modules.item(modules.getLength() - 1).getNextSibling());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            TransformerFactory.newInstance().newTransformer().transform(new DOMSource(document), new StreamResult(out));
            return out.toByteArray();
        } catch (ParserConfigurationException | SAXException | TransformerException e) {
            throw new IllegalStateException("cannot add " + webUri + " to the EAR's application.xml", e);
        }
    }
}
