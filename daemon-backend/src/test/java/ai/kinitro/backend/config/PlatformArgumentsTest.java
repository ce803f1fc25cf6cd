package ai.kinitro.backend.config;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.backend.chain.ChainConfig;
import ai.kinitro.backend.chain.SubnetSettings;
import ai.kinitro.backend.persistence.DatabaseProperties;
import ai.kinitro.backend.scoring.ScoringProperties;
import ai.kinitro.backend.vault.VaultConfig;
import ai.kinitro.platform.services.DevKeys;
import ai.kinitro.platform.services.PlatformConfig;
import ai.kinitro.platform.services.Ports;
import ai.kinitro.platform.services.ServiceCatalog;
import ai.kinitro.platform.services.ServiceDefinition;
import ai.kinitro.platform.state.LocalSecrets;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * What {@code ./kinitro up} passes to the backend (command line and {@code SPRING_APPLICATION_JSON})
 * bound onto the backend's real configuration records: a renamed or misspelt key fails here.
 */
class PlatformArgumentsTest {
  @TempDir Path repo;

  private Map<String, String> backendProperties(boolean withDevChain) throws Exception {
    if (withDevChain) {
      Path main = repo.resolve("devchain/target/classes/" + ServiceCatalog.DEV_CHAIN_MAIN.replace('.', '/') + ".class");
      Files.createDirectories(main.getParent());
      Files.writeString(main, "class");
      Files.writeString(repo.resolve("devchain/pom.xml"), "<project/>");
      Files.writeString(repo.resolve("devchain/target/cli-classpath.txt"), "/lib/a.jar");
    }
    PlatformConfig config = new PlatformConfig(repo, repo.resolve(".kinitro"), Ports.DEFAULTS, Set.of(), null);
    LocalSecrets secrets = LocalSecrets.loadOrCreate(config.stateDir());
    ServiceDefinition backend = ServiceCatalog.plan(config, secrets, Optional::empty).stream()
        .filter(d -> d.name().equals(ServiceCatalog.BACKEND)).findFirst().orElseThrow();
    Map<String, String> properties = new LinkedHashMap<>();
    List<String> command = backend.command();
    for (String arg : command.subList(command.indexOf("-jar") + 2, command.size())) {
      assertThat(arg).startsWith("--").contains("=");
      properties.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
    }
    JsonMapper.builder().build().readTree(backend.environment().get().get("SPRING_APPLICATION_JSON"))
        .properties().forEach(e -> properties.put(e.getKey(), e.getValue().asString()));
    return properties;
  }

  @Test
  void everyKinitroKeyNamesAComponentOfAConfigurationRecord() throws Exception {
    Map<String, Class<?>> records = configurationRecords();
    Map<String, String> properties = new LinkedHashMap<>(backendProperties(false));
    properties.putAll(backendProperties(true));

    for (String key : properties.keySet()) {
      if (key.startsWith("kinitro.")) {
        assertThat(resolves(key, records)).as("%s binds to no @ConfigurationProperties record of the backend", key).isTrue();
      }
    }
  }

  @Test
  void withTheDevChainTheChainEndpointVaultDatabaseAndScoringBind() throws Exception {
    Binder binder = new Binder(new MapConfigurationPropertySource(backendProperties(true)));

    ChainConfig chain = binder.bind("kinitro.chain", ChainConfig.class).get();
    VaultConfig vault = binder.bind("kinitro.vault", VaultConfig.class).get();
    DatabaseProperties database = binder.bind("kinitro.database", DatabaseProperties.class).get();
    ScoringProperties scoring = binder.bindOrCreate("kinitro.scoring", ScoringProperties.class);

    assertThat(chain.endpoint()).isEqualTo(URI.create("ws://127.0.0.1:" + Ports.DEFAULTS.chain()));
    assertThat(chain.netuid()).isEqualTo(ServiceCatalog.NETUID);
    assertThat(List.of(vault.endpoint(), vault.bucket(), vault.configured(), vault.createBucket()))
        .containsExactly(URI.create("http://127.0.0.1:" + Ports.DEFAULTS.s3()), ServiceCatalog.VAULT_BUCKET, true, true);
    assertThat(database.external()).isTrue();
    assertThat(database.password()).isNotEmpty();
    assertThat(scoring.netuid()).as("the deprecated key is not passed").isNull();
    assertThat(scoring.ownerUid()).isEqualTo(ServiceCatalog.OWNER_UID);
    assertThat(SubnetSettings.resolve(chain, scoring.netuid(), List.of()).netuid()).isEqualTo(ServiceCatalog.NETUID);
  }

  @Test
  void withoutTheDevChainTheDefaultGenesisIsAStaticMetagraphStartingAtUidZero() throws Exception {
    Binder binder = new Binder(new MapConfigurationPropertySource(backendProperties(false)));

    ChainConfig chain = binder.bind("kinitro.chain", ChainConfig.class).get();

    assertThat(chain.endpoint()).isNull();
    assertThat(chain.staticNeurons()).containsExactlyElementsOf(DevKeys.all().stream()
        .map(k -> new ChainConfig.StaticNeuron(k.uid(), k.address(), k.validatorPermit())).toList());
  }

  /** Every {@code @ConfigurationProperties} record of the backend, by prefix. */
  private static Map<String, Class<?>> configurationRecords() throws ClassNotFoundException {
    var scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
    Map<String, Class<?>> records = new LinkedHashMap<>();
    for (BeanDefinition candidate : scanner.findCandidateComponents("ai.kinitro.backend")) {
      Class<?> type = Class.forName(candidate.getBeanClassName());
      ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
      records.put(annotation.value().isEmpty() ? annotation.prefix() : annotation.value(), type);
    }
    assertThat(records).containsKeys("kinitro", "kinitro.chain", "kinitro.vault", "kinitro.database", "kinitro.scoring");
    return records;
  }

  private static boolean resolves(String key, Map<String, Class<?>> records) {
    String prefix = records.keySet().stream().filter(p -> key.startsWith(p + "."))
        .max((a, b) -> Integer.compare(a.length(), b.length())).orElse(null);
    if (prefix == null) {
      return false;
    }
    Type type = records.get(prefix);
    for (String segment : key.substring(prefix.length() + 1).split("\\.")) {
      String name = camel(segment.replaceAll("\\[\\d+]$", ""));
      if (!(type instanceof Class<?> c) || !c.isRecord()) {
        return false;
      }
      Optional<RecordComponent> component = Arrays.stream(c.getRecordComponents()).filter(rc -> rc.getName().equals(name)).findFirst();
      if (component.isEmpty()) {
        return false;
      }
      type = component.get().getGenericType();
      if (segment.endsWith("]") && type instanceof ParameterizedType list) {
        type = list.getActualTypeArguments()[0];
      }
    }
    return true;
  }

  private static String camel(String kebab) {
    StringBuilder out = new StringBuilder();
    boolean upper = false;
    for (char ch : kebab.toCharArray()) {
      if (ch == '-') {
        upper = true;
      } else {
        out.append(upper ? Character.toUpperCase(ch) : ch);
        upper = false;
      }
    }
    return out.toString();
  }
}
