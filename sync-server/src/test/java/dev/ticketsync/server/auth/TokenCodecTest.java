package dev.ticketsync.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenCodecTest {

    private final TokenCodec codec = new TokenCodec();

    @Test
    void new_token_is_43_characters_of_unpadded_base64url() {
        String token = codec.newToken();

        assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]{43}");
        assertThat(TokenCodec.isWellFormed(token)).isTrue();
    }

    @Test
    void new_tokens_do_not_repeat() {
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            tokens.add(codec.newToken());
        }

        assertThat(tokens).hasSize(1000);
    }

    @Test
    void hash_is_lower_case_sha256_hex() {
        // SHA-256("abc"), FIPS 180-2 test vector.
        assertThat(codec.hash("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void hash_is_stable_differs_per_token_and_does_not_contain_it() {
        String token = codec.newToken();
        String hash = codec.hash(token);

        assertThat(hash).hasSize(64).matches("[0-9a-f]{64}").doesNotContain(token);
        assertThat(codec.hash(token)).isEqualTo(hash);
        assertThat(codec.hash(codec.newToken())).isNotEqualTo(hash);
    }

    @Test
    void well_formed_check_rejects_what_new_token_never_makes() {
        assertThat(TokenCodec.isWellFormed(null)).isFalse();
        assertThat(TokenCodec.isWellFormed("")).isFalse();
        assertThat(TokenCodec.isWellFormed("a".repeat(42))).isFalse();
        assertThat(TokenCodec.isWellFormed("a".repeat(44))).isFalse();
        assertThat(TokenCodec.isWellFormed("a".repeat(42) + "=")).isFalse();
        assertThat(TokenCodec.isWellFormed("a".repeat(42) + "+")).isFalse();
    }
}
