package ai.kinitro.devchain.metadata;

import ai.kinitro.common.chain.metadata.PortableRegistry;
import ai.kinitro.common.chain.metadata.PortableType;
import ai.kinitro.common.chain.metadata.TypeDef;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a type registry: each call adds a type (or returns the id of an identical one already
 * added) and answers its id. Ids are assigned in order from 0.
 */
final class TypeTable {
  private final List<PortableType> types = new ArrayList<>();
  private final Map<String, Integer> byKey = new HashMap<>();

  int primitive(TypeDef.PrimitiveType primitive) {
    return intern("prim:" + primitive, List.of(), new TypeDef.Primitive(primitive));
  }

  int u8() {
    return primitive(TypeDef.PrimitiveType.U8);
  }

  int u16() {
    return primitive(TypeDef.PrimitiveType.U16);
  }

  int u32() {
    return primitive(TypeDef.PrimitiveType.U32);
  }

  int u64() {
    return primitive(TypeDef.PrimitiveType.U64);
  }

  int u128() {
    return primitive(TypeDef.PrimitiveType.U128);
  }

  int bool() {
    return primitive(TypeDef.PrimitiveType.BOOL);
  }

  int compact(int type) {
    return intern("compact:" + type, List.of(), new TypeDef.Compact(type));
  }

  int sequence(int type) {
    return intern("seq:" + type, List.of(), new TypeDef.Sequence(type));
  }

  int array(long length, int type) {
    return intern("array:" + length + ":" + type, List.of(), new TypeDef.Array(length, type));
  }

  int tuple(Integer... members) {
    return intern("tuple:" + Arrays.toString(members), List.of(), new TypeDef.Tuple(List.of(members)));
  }

  /** A struct; {@code key} distinguishes same-path types with different fields (generic instances). */
  int composite(String path, List<TypeDef.Field> fields) {
    return intern("composite:" + path + ":" + fields, segments(path), new TypeDef.Composite(fields));
  }

  /** A struct with one unnamed field (a Rust newtype such as {@code NetUid(u16)}). */
  int newtype(String path, int inner, String innerName) {
    return composite(path, List.of(TypeDef.Field.of(null, inner, innerName)));
  }

  int variant(String path, List<TypeDef.VariantDef> variants) {
    return intern("variant:" + path + ":" + variants, segments(path), new TypeDef.Variant(variants));
  }

  PortableRegistry registry() {
    return new PortableRegistry(types);
  }

  static TypeDef.Field field(String name, int type, String typeName) {
    return TypeDef.Field.of(name, type, typeName);
  }

  static TypeDef.VariantDef unit(String name, int index) {
    return new TypeDef.VariantDef(name, List.of(), index, List.of());
  }

  static TypeDef.VariantDef variantOf(String name, int index, TypeDef.Field... fields) {
    return new TypeDef.VariantDef(name, List.of(fields), index, List.of());
  }

  private int intern(String key, List<String> path, TypeDef def) {
    Integer existing = byKey.get(key);
    if (existing != null) {
      return existing;
    }
    int id = types.size();
    types.add(new PortableType(id, path, List.of(), def, List.of()));
    byKey.put(key, id);
    return id;
  }

  private static List<String> segments(String path) {
    return List.of(path.split("::"));
  }
}
