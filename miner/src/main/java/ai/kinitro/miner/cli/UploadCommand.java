package ai.kinitro.miner.cli;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.common.signing.RequestSigner;
import ai.kinitro.miner.backend.BackendClient;
import ai.kinitro.miner.backend.UploadTicket;
import ai.kinitro.miner.config.MinerConfig;
import ai.kinitro.miner.pack.PackagedSubmission;
import ai.kinitro.miner.pack.SubmissionPackager;
import ai.kinitro.miner.upload.UploadListener;
import ai.kinitro.miner.upload.UploadPolicy;
import ai.kinitro.miner.upload.UploadResult;
import ai.kinitro.miner.upload.Uploader;
import ai.kinitro.miner.wallet.Hotkeys;
import ai.kinitro.miner.wallet.MinerHotkey;
import ai.kinitro.rollout.submission.ArchiveLimits;
import ai.kinitro.rollout.submission.SubmissionArchive;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ObjectNode;

@Command(name = "upload", mixinStandardHelpOptions = true,
    description = {"Package the agent (or take --archive), ask the backend for an upload signed with the hotkey, and PUT "
        + "the archive to the presigned URL with a progress bar.",
        "Connection failures are retried; a URL that expires during a slow upload is replaced by a new one."})
final class UploadCommand implements Callable<Integer> {
  @ParentCommand MinerCli root;
  @Spec CommandSpec spec;
  @Mixin SharedOptions shared;

  @Option(names = "--archive", paramLabel = "FILE", description = "Upload this archive instead of packaging the agent folder.")
  Path archive;

  @Option(names = "--version", paramLabel = "LABEL", description = "Version label, 1-32 of [A-Za-z0-9._-] (default v<unix time>).")
  String version;

  @Override
  public Integer call() {
    CliContext ctx = root.context;
    Output o = new Output(spec.commandLine().getOut(), spec.commandLine().getErr(), shared.json, ctx.interactive());
    MinerConfig config = shared.resolve(ctx);
    String competition = config.requireCompetition();
    MinerHotkey hotkey = Hotkeys.load(config.hotkey(), ctx.passwords());
    o.note("hotkey " + hotkey.ss58() + " (" + hotkey.source() + ")");
    Path temp = null;
    try {
      PackagedSubmission packaged;
      if (archive != null) {
        packaged = describe(ctx.cwd().resolve(archive));
      } else {
        temp = Files.createTempDirectory("kinitro-upload-");
        packaged = new SubmissionPackager(ArchiveLimits.DEFAULT.maxArchiveBytes())
            .pack(config.agentDir(), temp.resolve("submission.tar.gz"));
      }
      o.note("archive " + packaged.sha256() + ", " + packaged.sizeBytes() + " bytes");
      BackendClient backend = new BackendClient(config.backendUrl(), ctx.http(), BackendClient.DEFAULT_TIMEOUT);
      Uploader uploader = new Uploader(backend, ctx.http(), ctx.clock(), UploadPolicy.DEFAULT);
      UploadResult r = uploader.upload(packaged, competition, Optional.ofNullable(version),
          new RequestSigner(hotkey.signer()), new UploadListener() {
            @Override
            public void granted(UploadTicket ticket, String v) {
              o.note("granted: submission " + ticket.submissionId() + " (version " + v + "), URL valid until "
                  + ticket.expiresAt());
            }

            @Override
            public void progress(long sent, long total) {
              o.progress("upload", sent, total, "bytes");
            }

            @Override
            public void retrying(String reason, int attempt, Duration wait) {
              o.note("upload failed (" + reason + "); attempt " + attempt + " in " + wait.toMillis() + " ms");
            }

            @Override
            public void renewing(String reason, String v) {
              o.note(reason + "; renewing the upload URL (same submission, version " + v + ")");
            }

            @Override
            public void requestingNewUpload(String reason, String newVersion) {
              o.note(reason + "; requesting a new upload as version " + newVersion);
            }
          });
      o.endProgress();
      LastUpload.write(config.agentDir(), r);
      o.line("Uploaded: submission " + r.submissionId() + ", version " + r.version() + ", competition " + r.competitionId());
      o.line("SHA-256:  " + r.sha256() + " (" + r.sizeBytes() + " bytes)");
      o.line("Next:     kinitro-miner commit   (commits '" + r.commitment() + "' on chain; the upload expires if it is "
          + "not committed)");
      ObjectNode j = o.object();
      j.put("submission_id", r.submissionId());
      j.put("competition_id", r.competitionId());
      j.put("version", r.version());
      j.put("commitment", r.commitment());
      j.put("sha256", r.sha256());
      j.put("size_bytes", r.sizeBytes());
      j.put("hotkey", hotkey.ss58());
      j.put("put_attempts", r.putAttempts());
      j.put("url_renewals", r.renewals());
      o.result(j);
      return 0;
    } catch (IOException e) {
      throw new KinitroException(ErrorCode.MINER_OUTPUT_FAILED, "cannot create a temporary folder: " + e.getMessage(), e);
    } finally {
      if (temp != null) {
        SubmissionArchive.deleteTree(temp);
      }
    }
  }

  private static PackagedSubmission describe(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new KinitroException(ErrorCode.NOT_FOUND, "no archive at " + file + "; run kinitro-miner package first");
    }
    java.security.MessageDigest digest;
    try {
      digest = java.security.MessageDigest.getInstance("SHA-256");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    try (var in = new java.security.DigestInputStream(Files.newInputStream(file), digest)) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
    }
    return new PackagedSubmission(file, java.util.HexFormat.of().formatHex(digest.digest()), Files.size(file), 0);
  }
}
