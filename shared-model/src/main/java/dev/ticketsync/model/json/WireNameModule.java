package dev.ticketsync.model.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.Deserializers;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.module.SimpleSerializers;
import dev.ticketsync.model.domain.WireName;
import java.io.IOException;

/** Reads and writes every {@link WireName} enum by its lower-case wire name; an unknown name is an error. */
final class WireNameModule extends SimpleModule {

    WireNameModule() {
        super("ticketsync-wire-names");
    }

    @Override
    public void setupModule(SetupContext context) {
        super.setupModule(context);
        SimpleSerializers serializers = new SimpleSerializers();
        serializers.addSerializer(WireName.class, new WireNameSerializer());
        context.addSerializers(serializers);
        context.addDeserializers(new Deserializers.Base() {
            @Override
            public JsonDeserializer<?> findEnumDeserializer(
                    Class<?> type, DeserializationConfig config, BeanDescription beanDesc) {
                return WireName.class.isAssignableFrom(type) ? new WireNameDeserializer(type) : null;
            }
        });
    }

    private static final class WireNameSerializer extends JsonSerializer<WireName> {
        @Override
        public void serialize(WireName value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeString(value.wire());
        }
    }

    private static final class WireNameDeserializer extends JsonDeserializer<Object> {
        private final Class<?> type;

        WireNameDeserializer(Class<?> type) {
            this.type = type;
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return ctxt.handleUnexpectedToken(type, p);
            }
            String text = p.getText();
            for (Object constant : type.getEnumConstants()) {
                if (((WireName) constant).wire().equals(text)) {
                    return constant;
                }
            }
            @SuppressWarnings("unchecked")
            Class<? extends Enum<?>> enumType = (Class<? extends Enum<?>>) type;
            throw ctxt.weirdStringException(text, type, "expected one of " + WireName.allowed(enumType));
        }
    }
}
