import sys
def main():
    try:
        sys.exit(5)
    finally:
        print("cleanup in main")
if __name__ == "__main__":
    main()
