package ai.kinitro.common.cli;

import ai.kinitro.common.crypto.SecretUri;
import ai.kinitro.common.crypto.Sr25519KeyPair;
import ai.kinitro.common.crypto.Ss58;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.common.wallet.KeyfileContents;
import ai.kinitro.common.wallet.PasswordSource;
import ai.kinitro.common.wallet.WalletKeys;
import ai.kinitro.common.wallet.Wallets;
import java.io.Console;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

/** {@code kinitro key ...}: look at keys without ever printing a secret. */
@Command(name = "key", description = "Inspect sr25519 keys.", mixinStandardHelpOptions = true,
    subcommands = {KeyCommand.Inspect.class})
final class KeyCommand {

  @Command(name = "inspect", mixinStandardHelpOptions = true,
      description = {
          "Print the public key and SS58 address of a key as JSON. Secrets are never printed.",
          "INPUT is one of: a mnemonic; a secret URI such as \"<mnemonic>//hard/soft///password\" or",
          "\"//Alice\" (the dev phrase); a 0x-hex 32-byte seed; the path of a Bittensor wallet file",
          "(plain or $NACL-encrypted; the password is read from --password-env or asked for);",
          "or an SS58 address."})
  static final class Inspect implements Callable<Integer> {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "INPUT", description = "Mnemonic, secret URI, wallet file or SS58 address.")
    String input;

    @Option(names = "--ss58-format", defaultValue = "42", description = "SS58 address format (default: ${DEFAULT-VALUE}, Bittensor).")
    int ss58Format;

    @Option(names = "--password-env", paramLabel = "NAME",
        description = "Environment variable holding the password of an encrypted wallet file.")
    String passwordEnv;

    @Override
    public Integer call() {
      Map<String, Object> result = inspect();
      spec.commandLine().getOut().println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result));
      return 0;
    }

    Map<String, Object> inspect() {
      String trimmed = input.trim();
      if (!trimmed.startsWith("//") && looksLikeFile(trimmed)) {
        return fromWalletFile(Path.of(trimmed));
      }
      if (!trimmed.contains("/") && !trimmed.contains(" ") && !trimmed.startsWith("0x") && isSs58(trimmed)) {
        return describe(Ss58.decodePublicKey(trimmed), "ss58-address", null);
      }
      Sr25519KeyPair pair = SecretUri.parse(trimmed);
      return describe(pair.publicKey(), "secret-uri", true);
    }

    private Map<String, Object> fromWalletFile(Path path) {
      KeyfileContents contents = Wallets.readKeyfile(path, passwords());
      if (contents.hasSecret()) {
        Sr25519KeyPair pair = WalletKeys.keyPair(contents);
        return describe(pair.publicKey(), "wallet-file", true);
      }
      if (contents.publicKey() != null) {
        return describe(contents.publicKey(), "wallet-file", false);
      }
      if (contents.ss58Address() != null) {
        return describe(Ss58.decodePublicKey(contents.ss58Address()), "wallet-file", false);
      }
      throw new KinitroException(ErrorCode.UNSUPPORTED_WALLET_FORMAT,
          "The wallet file " + path + " holds neither a secret nor a public key");
    }

    private PasswordSource passwords() {
      return keyfile -> {
        if (passwordEnv != null) {
          String value = System.getenv(passwordEnv);
          if (value == null) {
            throw new KinitroException(ErrorCode.INVALID_ARGUMENT,
                "The environment variable " + passwordEnv + " named by --password-env is not set");
          }
          return value.toCharArray();
        }
        Console console = System.console();
        if (console == null || !console.isTerminal()) {
          throw new KinitroException(ErrorCode.INVALID_ARGUMENT,
              "The wallet file " + keyfile + " is encrypted and there is no terminal to ask for its password; "
                  + "pass --password-env NAME with the password in that environment variable");
        }
        return console.readPassword("Password for %s: ", keyfile);
      };
    }

    private Map<String, Object> describe(byte[] publicKey, String source, Boolean hasSecret) {
      Map<String, Object> out = new LinkedHashMap<>();
      String hex = "0x" + HexFormat.of().formatHex(publicKey);
      out.put("scheme", "sr25519");
      out.put("source", source);
      out.put("publicKey", hex);
      out.put("accountId", hex);
      out.put("ss58Address", Ss58.encode(publicKey, ss58Format));
      out.put("ss58Format", ss58Format);
      if (hasSecret != null) {
        out.put("hasSecret", hasSecret);
      }
      return out;
    }

    private static boolean looksLikeFile(String text) {
      try {
        return Files.isRegularFile(Path.of(text));
      } catch (RuntimeException e) {
        return false;
      }
    }

    private static boolean isSs58(String text) {
      try {
        Ss58.decode(text);
        return true;
      } catch (KinitroException e) {
        return false;
      }
    }
  }
}
