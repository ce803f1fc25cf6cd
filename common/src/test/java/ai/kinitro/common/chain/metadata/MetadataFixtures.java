package ai.kinitro.common.chain.metadata;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;

/** The real subtensor metadata blobs under {@code chain/fixtures/} (see the README there). */
public final class MetadataFixtures {
  public static final String FINNEY_GENESIS = "0x2f0555cc76fc2840a25a6ea3b9637146806f1f44b090c175ffde2a7e5ab36c03";
  public static final String TESTNET_GENESIS = "0x8f9cf856bf558a14440e75569c9e58594757048d7b3a84b5d25f6bd978263105";

  private MetadataFixtures() {}

  /** Spec 219, finney block 4898328. */
  public static byte[] finneyBlob() {
    return gunzip("finney-metadata.bin.gz");
  }

  /** Spec 224, testnet block 3867931. */
  public static byte[] testnetBlob() {
    return gunzip("testnet-metadata.bin.gz");
  }

  public static RuntimeMetadata finney() {
    return MetadataReader.read(finneyBlob());
  }

  public static RuntimeMetadata testnet() {
    return MetadataReader.read(testnetBlob());
  }

  private static byte[] gunzip(String name) {
    try (InputStream raw = MetadataFixtures.class.getResourceAsStream("/chain/fixtures/" + name)) {
      if (raw == null) {
        throw new IllegalStateException("missing test resource /chain/fixtures/" + name);
      }
      try (InputStream in = new GZIPInputStream(raw)) {
        return in.readAllBytes();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
