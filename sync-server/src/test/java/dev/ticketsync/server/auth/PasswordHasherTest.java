package dev.ticketsync.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketsync.model.validation.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(4);

    @Test
    void hash_is_bcrypt_at_the_configured_cost_and_never_contains_the_password() {
        String hash = hasher.hash("correct horse".toCharArray());

        assertThat(hash).startsWith("$2b$04$").hasSize(60).doesNotContain("correct", "horse");
    }

    @Test
    void default_cost_is_ten() {
        assertThat(new PasswordHasher().cost()).isEqualTo(10);
    }

    @Test
    void two_hashes_of_the_same_password_differ_and_both_match() {
        String first = hasher.hash("correct horse".toCharArray());
        String second = hasher.hash("correct horse".toCharArray());

        assertThat(first).isNotEqualTo(second);
        assertThat(hasher.matches("correct horse".toCharArray(), first)).isTrue();
        assertThat(hasher.matches("correct horse".toCharArray(), second)).isTrue();
    }

    @Test
    void wrong_password_does_not_match() {
        String hash = hasher.hash("correct horse".toCharArray());

        assertThat(hasher.matches("correct horsf".toCharArray(), hash)).isFalse();
        assertThat(hasher.matches("".toCharArray(), hash)).isFalse();
    }

    @Test
    void short_demo_password_can_be_hashed_without_the_strength_rules() {
        String hash = hasher.hash("demo".toCharArray());

        assertThat(hasher.matches("demo".toCharArray(), hash)).isTrue();
    }

    @Test
    void non_ascii_password_round_trips() {
        String hash = hasher.hash("pässwörd✓😀".toCharArray());

        assertThat(hasher.matches("pässwörd✓😀".toCharArray(), hash)).isTrue();
        assertThat(hasher.matches("passwörd✓😀".toCharArray(), hash)).isFalse();
    }

    @Test
    void hash_made_by_another_cost_still_matches() {
        String hash = new PasswordHasher(5).hash("correct horse".toCharArray());

        assertThat(hasher.matches("correct horse".toCharArray(), hash)).isTrue();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(
            strings = {
                "",
                "garbage",
                "$2b$04$tooshort",
                "$2q$04$......................LAtw7/ohmmBAhnXqmkuIz83Rl5Qdjhm",
                "$2b$99$......................LAtw7/ohmmBAhnXqmkuIz83Rl5Qdjhm",
                "$2b$04$!!!...................LAtw7/ohmmBAhnXqmkuIz83Rl5Qdjhm",
                "$2b$04$ÿÿÿ...................LAtw7/ohmmBAhnXqmkuIz83Rl5Qdjhm"
            })
    void malformed_stored_hash_is_no_match_not_an_exception(String stored) {
        assertThatCode(() -> assertThat(hasher.matches("password".toCharArray(), stored))
                        .isFalse())
                .doesNotThrowAnyException();
    }

    @Test
    void over_long_guess_does_not_match_its_72_byte_prefix() {
        String password = "a".repeat(72);
        String hash = hasher.hash(password.toCharArray());

        assertThat(hasher.matches(password.toCharArray(), hash)).isTrue();
        assertThat(hasher.matches((password + "b").toCharArray(), hash)).isFalse();
    }

    @Test
    void hash_refuses_what_bcrypt_cannot_hash_faithfully() {
        assertThatThrownBy(() -> hasher.hash("a".repeat(73).toCharArray()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> hasher.hash("lone \ud800 surrogate".toCharArray()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(hasher.matches("lone \ud800 surrogate".toCharArray(), hasher.hash("x".toCharArray())))
                .isFalse();
    }

    @Test
    void unknown_user_check_always_fails() {
        assertThat(hasher.matchesUnknownUser("no user has this password".toCharArray()))
                .isFalse();
        assertThat(hasher.matchesUnknownUser(null)).isFalse();
    }

    @Test
    void cost_outside_bcrypt_range_is_refused() {
        assertThatThrownBy(() -> new PasswordHasher(3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PasswordHasher(32)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void strength_accepts_8_characters_to_72_bytes() {
        assertThatCode(() -> PasswordHasher.checkStrength("password", "12345678"))
                .doesNotThrowAnyException();
        assertThatCode(() -> PasswordHasher.checkStrength("password", "x".repeat(72)))
                .doesNotThrowAnyException();
        // 8 characters, counted as code points, not UTF-16 units.
        assertThatCode(() -> PasswordHasher.checkStrength("password", "😀😀😀😀😀😀😀😀"))
                .doesNotThrowAnyException();
    }

    @Test
    void strength_refuses_short_long_missing_and_broken_passwords_naming_the_field() {
        assertThatThrownBy(() -> PasswordHasher.checkStrength("newPassword", "1234567"))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("newPassword"))
                .hasMessageContaining("at least 8 characters");
        assertThatThrownBy(() -> PasswordHasher.checkStrength("password", "x".repeat(73)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("at most 72 bytes");
        // 19 four-byte characters: few characters, too many bytes.
        assertThatThrownBy(() -> PasswordHasher.checkStrength("password", "😀".repeat(19)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("at most 72 bytes");
        assertThatThrownBy(() -> PasswordHasher.checkStrength("password", null))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("required");
        assertThatThrownBy(() -> PasswordHasher.checkStrength("password", "12345678\udc00"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("valid Unicode");
    }

    @Test
    void strength_message_never_echoes_the_password() {
        assertThatThrownBy(() -> PasswordHasher.checkStrength("password", "hunter2"))
                .hasMessageNotContaining("hunter2");
    }
}
