package io.docpulse.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.StoredConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.docpulse.TestSites;

/** A handbook that links its own pages by full GitHub URL needs no repo_url: origin says where it lives. */
class GitRemoteTest {
    @Test
    void remotesOfEveryFormGiveTheWebAddressAndNeverACredential() {
        Map<String, String> cases = Map.of(
                "git@github.com:acme/handbook.git", "https://github.com/acme/handbook",
                "https://github.com/acme/handbook.git", "https://github.com/acme/handbook",
                "https://x-access-token:ghp_secret@github.com/acme/handbook", "https://github.com/acme/handbook",
                "ssh://git@gitlab.com:2222/group/sub/handbook.git", "https://gitlab.com/group/sub/handbook",
                "git@bitbucket.org:team/handbook.git", "https://bitbucket.org/team/handbook",
                "git@gitlab.example.com:docs/handbook.git/", "https://gitlab.example.com/docs/handbook");
        cases.forEach((remote, web) -> assertThat(GitRemote.toWebUrl(remote)).as(remote).contains(web));
        for (String local : List.of("/srv/git/handbook.git", "../handbook", "file:///srv/git/handbook.git",
                "C:\\\\repos\\\\handbook", "github.com:handbook")) {
            assertThat(GitRemote.toWebUrl(local)).as(local).isEqualTo(Optional.empty());
        }
    }

    @Test
    void linksToTheOriginsFilesAreInternalAndTheConsoleSaysWhy(@TempDir Path tmp) throws Exception {
        Path repo = tmp.resolve("repo");
        Path content = TestSites.write(repo.resolve("docs"), Map.of(
                "README.md", """
                        # Handbook

                        Read [areas](https://github.com/acme/handbook/blob/main/docs/ops/areas.md#owners),
                        [the ops folder](https://github.com/acme/handbook/tree/main/docs/ops) and
                        [gone](https://github.com/acme/handbook/blob/main/docs/ops/gone.md).
                        """,
                "ops/areas.md", "# Areas\n\n## Owners\n\nText.\n"));
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            StoredConfig config = git.getRepository().getConfig();
            config.setString("remote", "origin", "url", "git@github.com:acme/handbook.git");
            config.save();
        }
        TestSites.Run run = TestSites.build(tmp, content);
        assertThat(run.err()).contains("repo_url: https://github.com/acme/handbook (read from the git remote origin");
        JsonNode report = new ObjectMapper().readTree(tmp.resolve("out/report.json").toFile());
        List<String> broken = new ArrayList<>();
        for (JsonNode f : report.get("findings")) {
            if (f.get("rule").asText().equals("broken-link")) broken.add(f.get("details").get("target").asText());
        }
        assertThat(broken).containsExactly("https://github.com/acme/handbook/blob/main/docs/ops/gone.md");
        String html = Files.readString(tmp.resolve("out/index.html"));
        assertThat(html).contains("href=\"ops/areas/#owners\"").contains("href=\"ops/\"");

        // a configured repo_url wins, and then nothing is said
        Files.writeString(content.resolve("docpulse.yml"), "repo_url: https://github.com/acme/other\n");
        TestSites.Run configured = TestSites.build(tmp, content);
        assertThat(configured.err()).doesNotContain("repo_url:");
    }
}
