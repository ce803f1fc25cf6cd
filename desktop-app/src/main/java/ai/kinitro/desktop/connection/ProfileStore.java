package ai.kinitro.desktop.connection;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Connection profiles (with the chain URL and netuid the miner wizard commits to) and UI settings,
 * kept in {@code settings.json} in the user's config
 * directory ({@code $XDG_CONFIG_HOME/kinitro}, else {@code ~/.config/kinitro}). The file holds API
 * keys, so it is written with permissions 600 (directory 700), atomically, and never logged.
 */
public final class ProfileStore {
  private static final Logger LOG = LoggerFactory.getLogger(ProfileStore.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();
  static final String FILE = "settings.json";

  private final Path directory;

  public ProfileStore(Path directory) {
    this.directory = directory;
  }

  /** The store in the standard config directory of this user. */
  public static ProfileStore forUser(Map<String, String> env, Path home) {
    String xdg = env.get("XDG_CONFIG_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".config");
    return new ProfileStore(base.resolve("kinitro"));
  }

  public Path file() {
    return directory.resolve(FILE);
  }

  /**
   * Reads the settings; a missing file gives the defaults (the local profile, light theme). A
   * corrupt file is moved aside to {@code settings.json.corrupt} and reported, never silently lost.
   */
  public Settings load() {
    Path file = file();
    if (!Files.exists(file)) {
      return Settings.defaults();
    }
    try {
      return parse(JSON.readTree(Files.readString(file)));
    } catch (IOException | JacksonException | KinitroException | IllegalArgumentException | NullPointerException e) {
      Path aside = file.resolveSibling(FILE + ".corrupt");
      try {
        Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException moveFailed) {
        e.addSuppressed(moveFailed);
      }
      LOG.warn("Settings file {} could not be read ({}); it was moved to {} and defaults are used",
          file, e.getClass().getSimpleName(), aside);
      return Settings.defaults().withWarning("Your settings file could not be read and was moved to " + aside
          + "; the defaults are used.");
    }
  }

  public void save(Settings settings) {
    ObjectNode root = JSON.createObjectNode();
    root.put("version", 1);
    root.put("theme", settings.theme());
    root.put("selected_profile", settings.selectedProfile());
    ArrayNode profiles = root.putArray("profiles");
    for (ConnectionProfile p : settings.profiles()) {
      ObjectNode node = profiles.addObject();
      node.put("name", p.name());
      node.put("backend_url", p.backendUrl().toString());
      p.apiKey().ifPresent(k -> node.put("api_key", k));
      node.put("chain_url", p.chainUrl());
      node.put("netuid", p.netuid());
    }
    try {
      Files.createDirectories(directory);
      restrict(directory, "rwx------");
      Path tmp = Files.createTempFile(directory, FILE, ".tmp");
      restrict(tmp, "rw-------");
      Files.writeString(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
      try {
        Files.move(tmp, file(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file(), StandardCopyOption.REPLACE_EXISTING);
      }
      restrict(file(), "rw-------");
    } catch (IOException e) {
      throw new KinitroException(ErrorCode.INTERNAL_ERROR, "Could not save settings to " + file() + ": " + e.getMessage(), e);
    }
  }

  private static Settings parse(JsonNode root) {
    List<ConnectionProfile> profiles = new ArrayList<>();
    for (JsonNode node : root.path("profiles")) {
      // chain_url and netuid came later: files without them get the defaults
      profiles.add(ConnectionProfile.of(node.get("name").asString(), node.get("backend_url").asString(),
          node.hasNonNull("api_key") ? node.get("api_key").asString() : null)
          .withChain(node.path("chain_url").asString(ConnectionProfile.DEFAULT_CHAIN_URL),
              node.path("netuid").asInt(ConnectionProfile.DEFAULT_NETUID)));
    }
    if (profiles.isEmpty()) {
      profiles.add(ConnectionProfile.local());
    }
    String theme = root.path("theme").asString("light");
    String selected = root.path("selected_profile").asString(profiles.getFirst().name());
    return new Settings(profiles, selected, theme, Optional.empty());
  }

  private static void restrict(Path path, String perms) throws IOException {
    try {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(perms));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system (Windows): the user profile directory is already private
    }
  }

  /** Everything the store keeps. {@code warning} is shown once to the user, never saved. */
  public record Settings(List<ConnectionProfile> profiles, String selectedProfile, String theme, Optional<String> warning) {
    public Settings {
      profiles = List.copyOf(profiles);
      if (profiles.isEmpty()) {
        throw new IllegalArgumentException("at least one profile is needed");
      }
      if (profiles.stream().map(ConnectionProfile::name).distinct().count() != profiles.size()) {
        throw new KinitroException(ErrorCode.ALREADY_EXISTS, "Two connection profiles have the same name");
      }
      String wanted = selectedProfile;
      if (profiles.stream().noneMatch(p -> p.name().equals(wanted))) {
        selectedProfile = profiles.getFirst().name();
      }
      theme = "dark".equals(theme) ? "dark" : "light";
    }

    public static Settings defaults() {
      return new Settings(List.of(ConnectionProfile.local()), "Local", "light", Optional.empty());
    }

    public ConnectionProfile selected() {
      return profiles.stream().filter(p -> p.name().equals(selectedProfile)).findFirst().orElseThrow();
    }

    Settings withWarning(String text) {
      return new Settings(profiles, selectedProfile, theme, Optional.of(text));
    }

    public Settings withSelected(String name) {
      return new Settings(profiles, name, theme, Optional.empty());
    }

    public Settings withTheme(String newTheme) {
      return new Settings(profiles, selectedProfile, newTheme, Optional.empty());
    }

    /** Adds or replaces (by name) a profile and selects it. */
    public Settings withProfile(ConnectionProfile profile) {
      List<ConnectionProfile> next = new ArrayList<>(profiles.stream().filter(p -> !p.name().equals(profile.name())).toList());
      next.add(profile);
      return new Settings(next, profile.name(), theme, Optional.empty());
    }

    public Settings withoutProfile(String name) {
      List<ConnectionProfile> next = profiles.stream().filter(p -> !p.name().equals(name)).toList();
      return new Settings(next.isEmpty() ? List.of(ConnectionProfile.local()) : next, selectedProfile, theme, Optional.empty());
    }
  }
}
