package diff_test

import (
	"encoding/json"
	"fmt"
	"reflect"
	"sort"
)

// The schema pairs under testdata/pairs hold schema IR values as JSON keyed
// by Go field names. schema's own JSON tags leave out fields the diff reads
// (Type.Name, Table.SQL…), so these files are written and read by
// reflection instead: every exported field, zero values left out, a nil
// slice told apart from an empty one (reflect.DeepEqual, which the diff
// uses, tells them apart too).

// encodeIR turns v into plain JSON values.
func encodeIR(v reflect.Value) (any, bool) {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return nil, false
		}
		x, _ := encodeIR(v.Elem())
		return x, true // a pointer to a zero value is not nil
	case reflect.Struct:
		m := map[string]any{}
		for i := 0; i < v.NumField(); i++ {
			f := v.Type().Field(i)
			if !f.IsExported() {
				continue
			}
			if x, ok := encodeIR(v.Field(i)); ok {
				m[f.Name] = x
			}
		}
		return m, len(m) > 0 || v.Type().NumField() == 0
	case reflect.Slice:
		if v.IsNil() {
			return nil, false
		}
		out := make([]any, v.Len())
		for i := range out {
			x, ok := encodeIR(v.Index(i))
			if !ok && v.Index(i).Kind() != reflect.Pointer {
				x = zeroValue(v.Index(i))
			}
			out[i] = x // null for a nil pointer
		}
		return out, true
	case reflect.String:
		return v.String(), v.String() != ""
	case reflect.Bool:
		return v.Bool(), v.Bool()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return v.Int(), v.Int() != 0
	default:
		panic(fmt.Sprintf("encodeIR: unsupported kind %s", v.Kind()))
	}
}

// zeroValue is the JSON form of a zero slice element that is not a pointer.
func zeroValue(v reflect.Value) any {
	switch v.Kind() {
	case reflect.Struct:
		return map[string]any{}
	case reflect.String:
		return ""
	case reflect.Bool:
		return false
	case reflect.Slice:
		return []any{}
	default:
		return 0
	}
}

// decodeIR fills v from plain JSON values made by encodeIR.
func decodeIR(x any, v reflect.Value) error {
	if x == nil {
		return nil // a nil pointer
	}
	switch v.Kind() {
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		return decodeIR(x, v.Elem())
	case reflect.Struct:
		m, ok := x.(map[string]any)
		if !ok {
			return fmt.Errorf("%s: want an object, got %T", v.Type(), x)
		}
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			f := v.FieldByName(k)
			if !f.IsValid() {
				return fmt.Errorf("%s has no field %s", v.Type(), k)
			}
			if err := decodeIR(m[k], f); err != nil {
				return fmt.Errorf("%s.%s: %w", v.Type(), k, err)
			}
		}
		return nil
	case reflect.Slice:
		list, ok := x.([]any)
		if !ok {
			return fmt.Errorf("%s: want a list, got %T", v.Type(), x)
		}
		s := reflect.MakeSlice(v.Type(), len(list), len(list))
		for i, e := range list {
			if err := decodeIR(e, s.Index(i)); err != nil {
				return fmt.Errorf("[%d]: %w", i, err)
			}
		}
		v.Set(s)
		return nil
	case reflect.String:
		s, ok := x.(string)
		if !ok {
			return fmt.Errorf("want a string, got %T", x)
		}
		v.SetString(s)
		return nil
	case reflect.Bool:
		b, ok := x.(bool)
		if !ok {
			return fmt.Errorf("want a bool, got %T", x)
		}
		v.SetBool(b)
		return nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n, ok := x.(json.Number)
		if !ok {
			return fmt.Errorf("want a number, got %T", x)
		}
		i, err := n.Int64()
		if err != nil {
			return err
		}
		v.SetInt(i)
		return nil
	default:
		return fmt.Errorf("unsupported kind %s", v.Kind())
	}
}
