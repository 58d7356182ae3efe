package dev.aviary.console.routing;

import dev.aviary.console.gitops.ManifestSet;
import dev.aviary.console.gitops.RepositoryFiles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading every service's weights in one pass gives what reading them one service at a time gives. */
class AllWeightsTest {

  static final List<String> SERVICES = List.of("webapi", "document-processor", "not-a-service");

  @ParameterizedTest
  @CsvSource({"istio,istio", "gateway-api,gateway-api"})
  void one_pass_matches_service_by_service(String folder, String router) {
    RepositoryFiles files = RepositoryFiles.platformManifests();
    ManifestSet manifests = new ManifestSet(files, folder);
    TrafficRouter r = router.equals("istio") ? new IstioRouter() : new GatewayApiRouter();

    Map<String, Map<String, Integer>> oneByOne = new HashMap<>();
    for (String s : SERVICES) {
      if (r.routes(manifests, s)) {
        oneByOne.put(s, r.weights(manifests, s));
      }
    }

    assertThat(oneByOne).containsKey("webapi");
    assertThat(r.allWeights(manifests, SERVICES)).isEqualTo(oneByOne);
  }
}
