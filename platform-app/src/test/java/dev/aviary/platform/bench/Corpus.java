package dev.aviary.platform.bench;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Documents like the platform gets: business prose in four languages, as plain text (45%), Markdown (35%) and
 * multi-page PDFs (20%), sizes spread log-normally around 10 KB up to about 60 KB. Each one handed out is made
 * unique, because the service answers a repeated document from its de-duplication cache without processing it again.
 */
final class Corpus {

  record Sample(String contentType, byte[] body) {
  }

  private static final String[][] LANGUAGES = {
      {"the", "invoice", "for", "our", "customer", "was", "approved", "by", "finance", "team", "and", "the",
          "contract", "renewal", "is", "due", "in", "March", "shipment", "delayed", "because", "of", "supplier",
          "quality", "report", "shows", "that", "revenue", "grew", "while", "costs", "remained", "stable", "with",
          "this", "quarter", "payment", "terms", "are", "thirty", "days", "after", "delivery", "please", "review"},
      {"die", "Rechnung", "für", "unseren", "Kunden", "wurde", "von", "der", "Buchhaltung", "geprüft", "und",
          "der", "Vertrag", "ist", "im", "März", "fällig", "weil", "die", "Lieferung", "sich", "verzögert", "hat",
          "Bericht", "zeigt", "dass", "Umsatz", "gestiegen", "ist", "während", "Kosten", "stabil", "blieben",
          "mit", "diesem", "Quartal", "Zahlung", "nach", "Lieferung", "bitte", "prüfen", "Sie", "Angebot"},
      {"la", "facture", "pour", "notre", "client", "a", "été", "approuvée", "par", "le", "service", "financier",
          "et", "le", "contrat", "est", "dû", "en", "mars", "livraison", "retardée", "à", "cause", "du",
          "fournisseur", "rapport", "montre", "que", "les", "revenus", "ont", "augmenté", "tandis", "que", "coûts",
          "sont", "restés", "stables", "avec", "ce", "trimestre", "paiement", "après", "veuillez", "vérifier"},
      {"la", "factura", "para", "nuestro", "cliente", "fue", "aprobada", "por", "el", "equipo", "de", "finanzas",
          "y", "el", "contrato", "vence", "en", "marzo", "envío", "retrasado", "porque", "el", "proveedor",
          "informe", "muestra", "que", "los", "ingresos", "crecieron", "mientras", "que", "costes", "se",
          "mantuvieron", "estables", "con", "este", "trimestre", "pago", "después", "entrega", "por", "favor"}};

  private final List<Sample> samples = new ArrayList<>();
  private final AtomicLong handedOut = new AtomicLong();

  Corpus(int size, long seed) {
    Random random = new Random(seed);
    for (int i = 0; i < size; i++) {
      double kind = random.nextDouble();
      String[] words = LANGUAGES[random.nextInt(LANGUAGES.length)];
      int paragraphs = 2 + (int) Math.round(Math.exp(random.nextGaussian() * 0.9 + 2.8));
      if (kind < 0.45) {
        samples.add(new Sample("text/plain", String.join("\n\n", prose(random, words, paragraphs))
            .getBytes(StandardCharsets.UTF_8)));
      } else if (kind < 0.80) {
        samples.add(new Sample("text/markdown", markdown(random, words, paragraphs).getBytes(StandardCharsets.UTF_8)));
      } else {
        samples.add(new Sample("application/pdf", pdf(prose(random, words, paragraphs))));
      }
    }
  }

  /** The next document, unique: a trailing reference line for text, a trailing comment for PDF. */
  Sample next() {
    long n = handedOut.getAndIncrement();
    Sample sample = samples.get((int) (n % samples.size()));
    String marker = sample.contentType().equals("application/pdf") ? "\n%bench " + n + "\n" : "\n\nRef " + n + "\n";
    byte[] suffix = marker.getBytes(StandardCharsets.US_ASCII);
    byte[] body = new byte[sample.body().length + suffix.length];
    System.arraycopy(sample.body(), 0, body, 0, sample.body().length);
    System.arraycopy(suffix, 0, body, sample.body().length, suffix.length);
    return new Sample(sample.contentType(), body);
  }

  String describe() {
    long bytes = samples.stream().mapToLong(s -> s.body().length).sum();
    return "%d distinct documents, %.0f%% text, %.0f%% Markdown, %.0f%% PDF, mean %.1f KB, largest %.1f KB".formatted(
        samples.size(), share("text/plain"), share("text/markdown"), share("application/pdf"),
        bytes / 1024.0 / samples.size(), samples.stream().mapToInt(s -> s.body().length).max().orElse(0) / 1024.0);
  }

  private double share(String type) {
    return 100.0 * samples.stream().filter(s -> s.contentType().equals(type)).count() / samples.size();
  }

  private static List<String> prose(Random random, String[] words, int paragraphs) {
    List<String> result = new ArrayList<>();
    for (int p = 0; p < paragraphs; p++) {
      StringBuilder paragraph = new StringBuilder();
      int sentences = 3 + random.nextInt(5);
      for (int s = 0; s < sentences; s++) {
        int length = 8 + random.nextInt(13);
        StringBuilder sentence = new StringBuilder();
        for (int w = 0; w < length; w++) {
          sentence.append(w == 0 ? "" : " ").append(words[random.nextInt(words.length)]);
        }
        sentence.setCharAt(0, Character.toUpperCase(sentence.charAt(0)));
        paragraph.append(s == 0 ? "" : " ").append(sentence).append('.');
      }
      result.add(paragraph.toString());
    }
    return result;
  }

  private static String markdown(Random random, String[] words, int paragraphs) {
    StringBuilder md = new StringBuilder("# " + words[random.nextInt(words.length)] + " " + words[1] + "\n\n");
    List<String> body = prose(random, words, paragraphs);
    for (int i = 0; i < body.size(); i++) {
      if (i % 3 == 1) {
        md.append("## ").append(words[random.nextInt(words.length)]).append("\n\n");
      }
      md.append(body.get(i)).append("\n\n");
      if (i % 4 == 2) {
        md.append("- **").append(words[3]).append("**: ").append(words[random.nextInt(words.length)]).append('\n')
            .append("- [").append(words[5]).append("](https://docs.example.com/").append(i).append(")\n\n");
      }
    }
    return md.toString();
  }

  private static byte[] pdf(List<String> paragraphs) {
    PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    List<String> lines = new ArrayList<>();
    for (String paragraph : paragraphs) {
      StringBuilder line = new StringBuilder();
      for (String word : paragraph.split(" ")) {
        if (line.length() + word.length() > 90) {
          lines.add(line.toString());
          line.setLength(0);
        }
        line.append(line.isEmpty() ? "" : " ").append(word);
      }
      lines.add(line.toString());
      lines.add("");
    }
    try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      for (int start = 0; start < lines.size(); start += 45) {
        PDPage page = new PDPage();
        document.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
          content.beginText();
          content.setFont(font, 10);
          content.setLeading(14);
          content.newLineAtOffset(60, 740);
          for (String line : lines.subList(start, Math.min(lines.size(), start + 45))) {
            content.showText(line);
            content.newLine();
          }
          content.endText();
        }
      }
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
